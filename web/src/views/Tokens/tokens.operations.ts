// The GraphQL documents of the "API tokens" page (one operation per document; checked against the schema by tests).
export const MY_TOKENS = /* GraphQL */ `
  query MyApiTokens {
    apiTokens { id name createdAt lastUsedAt revokedAt }
  }
`;

export const CREATE_TOKEN = /* GraphQL */ `
  mutation CreateApiToken($name: String!) {
    createApiToken(name: $name) { secret token { id name createdAt lastUsedAt revokedAt } }
  }
`;

export const REVOKE_TOKEN = /* GraphQL */ `
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) { id name createdAt lastUsedAt revokedAt }
  }
`;

export const CHANGE_MY_PASSWORD = /* GraphQL */ `
  mutation ChangeMyPassword($currentPassword: String!, $newPassword: String!) {
    changeMyPassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`;
