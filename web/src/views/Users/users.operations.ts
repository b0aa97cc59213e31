// The GraphQL documents of the admins' "Users" screen (one operation per document; checked against the schema by tests).
const USER_FIELDS = 'id name email role status createdAt';

export const USERS = /* GraphQL */ `
  query Users {
    users { ${USER_FIELDS} }
  }
`;

export const CREATE_USER = /* GraphQL */ `
  mutation CreateUser($input: UserInput!) {
    createUser(input: $input) { generatedPassword user { ${USER_FIELDS} } }
  }
`;

export const UPDATE_USER_ROLE = /* GraphQL */ `
  mutation UpdateUserRole($id: ID!, $role: Role!) {
    updateUserRole(id: $id, role: $role) { ${USER_FIELDS} }
  }
`;

export const DISABLE_USER = /* GraphQL */ `
  mutation DisableUser($id: ID!) {
    disableUser(id: $id) { ${USER_FIELDS} }
  }
`;

export const ENABLE_USER = /* GraphQL */ `
  mutation EnableUser($id: ID!) {
    enableUser(id: $id) { ${USER_FIELDS} }
  }
`;

export const DELETE_USER = /* GraphQL */ `
  mutation DeleteUser($id: ID!) {
    deleteUser(id: $id) { id name }
  }
`;

export const ISSUE_RESET_CODE = /* GraphQL */ `
  mutation IssuePasswordResetCode($id: ID!) {
    issuePasswordResetCode(id: $id) { code expiresAt user { id name } }
  }
`;

export const USER_TOKENS = /* GraphQL */ `
  query UserApiTokens($userId: ID) {
    userApiTokens(userId: $userId) { id name createdAt lastUsedAt revokedAt ownerId ownerName }
  }
`;

export const REVOKE_USER_TOKEN = /* GraphQL */ `
  mutation RevokeUserApiToken($id: ID!) {
    revokeApiToken(id: $id) { id name createdAt lastUsedAt revokedAt }
  }
`;
