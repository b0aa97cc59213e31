// The GraphQL documents of the import / export view. Validated against /schema.graphql by tests/web-operations.test.ts.

export const IMPORT_MAP = /* GraphQL */ `
  mutation ImportMap($file: String!, $fileName: String!, $dryRun: Boolean!) {
    importMap(file: $file, fileName: $fileName, dryRun: $dryRun) {
      dryRun
      applied
      created
      changed
      unchanged
      rows { sheet row key status changes { field before after } }
      errors { sheet row column message }
    }
  }
`;
