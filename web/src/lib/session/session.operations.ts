// The GraphQL documents of signing in and out (one operation per document; checked against the schema by tests).
export const SESSION_QUERY = /* GraphQL */ `
  query Session {
    me { id name email role }
    access { readOnly publicRead }
  }
`;

export const LOGIN = /* GraphQL */ `
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) { user { id name email role } expiresAt }
  }
`;

export const LOGOUT = /* GraphQL */ `
  mutation Logout {
    logout
  }
`;

export const RESET_PASSWORD = /* GraphQL */ `
  mutation ResetPassword($email: String!, $code: String!, $newPassword: String!) {
    resetPassword(email: $email, code: $code, newPassword: $newPassword)
  }
`;
