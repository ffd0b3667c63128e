/**
 * The corner of GitHub's GraphQL API the policy source asks: a repository's id, its default
 * branch, that branch's head commit or a given commit, and a file at it. Queries are parsed,
 * validated and executed by graphql-js against the types GitHub's schema gives these fields, so a
 * query naming a field GitHub lacks fails here as it would there. Errors carry GitHub's top-level `type`
 * (NOT_FOUND, FORBIDDEN), and a refused field is null beside them, as GitHub answers.
 */
import { buildSchema, GraphQLError, graphqlSync, type ExecutionResult } from 'graphql';

const SDL = `
  scalar GitObjectID
  type Query {
    repository(owner: String!, name: String!, followRenames: Boolean = true): Repository
  }
  type Repository {
    databaseId: Int
    nameWithOwner: String!
    defaultBranchRef: Ref
    object(oid: GitObjectID, expression: String): GitObject
  }
  type Ref {
    name: String!
    prefix: String!
    target: GitObject
  }
  interface GitObject {
    oid: GitObjectID!
  }
  type Commit implements GitObject {
    oid: GitObjectID!
    file(path: String!): TreeEntry
  }
  type Tree implements GitObject {
    oid: GitObjectID!
  }
  type Blob implements GitObject {
    oid: GitObjectID!
    byteSize: Int!
    isBinary: Boolean
    isTruncated: Boolean!
    text: String
  }
  type TreeEntry {
    mode: Int!
    name: String!
    path: String
    type: String!
    object: GitObject
  }
`;

/** GitHub's schema for these fields; an older server's, without `Commit.file`, when asked. */
const SCHEMAS = {
  current: buildSchema(SDL),
  withoutCommitFile: buildSchema(SDL.replace(/^ *file\(path: String!\): TreeEntry\n/m, '')),
};

/** What the REST emulator holds of one repository, as far as these fields need. */
export interface GraphRepo {
  fullName: string;
  id: string;
  defaultBranch: string;
  branches: Map<string, string>;
  commits: Map<string, Map<string, Buffer>>;
}

export interface GraphAccess {
  /** The repository, when the token may see it. */
  find(owner: string, name: string): GraphRepo | undefined;
  /** The token may read refs and contents (REST's `contents` permission). */
  contents(repo: GraphRepo): boolean;
  blobSha(bytes: Buffer): string;
}

/** GitHub truncates a blob's `text` beyond this many bytes. */
const TEXT_LIMIT = 512 * 1024;

class TypedError extends GraphQLError {
  readonly type: 'NOT_FOUND' | 'FORBIDDEN';
  constructor(message: string, type: 'NOT_FOUND' | 'FORBIDDEN') {
    super(message);
    this.type = type;
  }
}

export function executeGraphql(
  body: Record<string, unknown>,
  access: GraphAccess,
  schema: keyof typeof SCHEMAS = 'current',
): object {
  const { query, variables } = body;
  if (typeof query !== 'string')
    return { errors: [{ message: 'A query attribute must be specified and must be a string.' }] };
  const result = graphqlSync({
    schema: SCHEMAS[schema],
    source: query,
    rootValue: root(access),
    ...(variables && typeof variables === 'object'
      ? { variableValues: variables as Record<string, unknown> }
      : {}),
  });
  return shape(result);
}

function root(access: GraphAccess) {
  return {
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repo = access.find(owner, name);
      if (!repo)
        throw new TypedError(
          `Could not resolve to a Repository with the name '${owner}/${name}'.`,
          'NOT_FOUND',
        );
      return {
        databaseId: Number(repo.id),
        nameWithOwner: repo.fullName,
        defaultBranchRef: () => {
          if (!access.contents(repo))
            throw new TypedError('Resource not accessible by integration', 'FORBIDDEN');
          const oid = repo.branches.get(repo.defaultBranch);
          return (
            oid && {
              name: repo.defaultBranch,
              prefix: 'refs/heads/',
              target: commit(repo, oid, access),
            }
          );
        },
        object: ({ oid }: { oid?: string }) => {
          if (!access.contents(repo))
            throw new TypedError('Resource not accessible by integration', 'FORBIDDEN');
          return oid !== undefined && repo.commits.has(oid) ? commit(repo, oid, access) : null;
        },
      };
    },
  };
}

function commit(repo: GraphRepo, oid: string, access: GraphAccess) {
  const files = repo.commits.get(oid)!;
  return {
    __typename: 'Commit',
    oid,
    file: ({ path }: { path: string }) => {
      const bytes = files.get(path);
      if (bytes) return entry(path, 0o100644, blob(bytes, access));
      const inside = [...files.keys()].some((f) => f.startsWith(`${path}/`));
      return inside ? entry(path, 0o40000, { __typename: 'Tree', oid: 'f'.repeat(40) }) : null;
    },
  };
}

function entry(path: string, mode: number, object: { __typename: string; oid: string }) {
  const type = object.__typename === 'Tree' ? 'tree' : 'blob';
  return { mode, name: path.split('/').pop(), path, type, object };
}

function blob(bytes: Buffer, access: GraphAccess) {
  const isBinary = bytes.includes(0);
  return {
    __typename: 'Blob',
    oid: access.blobSha(bytes),
    byteSize: bytes.length,
    isBinary,
    isTruncated: bytes.length > TEXT_LIMIT,
    // GitHub hands text as UTF-8, replacing what is not; the oid is of the stored bytes.
    text: isBinary ? null : bytes.subarray(0, TEXT_LIMIT).toString('utf8'),
  };
}

/** graphql-js's answer with GitHub's `type` on each error that has one. */
function shape(result: ExecutionResult): object {
  if (!result.errors) return { data: result.data };
  const errors = result.errors.map((e) => {
    const type = e.originalError instanceof TypedError ? e.originalError.type : undefined;
    // graphql-ruby's words and code for a field the schema lacks, as GitHub answers them.
    const lacks = /^Cannot query field "(\w+)" on type "(\w+)"\./.exec(e.message);
    if (lacks)
      return {
        ...e.toJSON(),
        message: `Field '${lacks[1]}' doesn't exist on type '${lacks[2]}'`,
        extensions: { code: 'undefinedField', typeName: lacks[2], fieldName: lacks[1] },
      };
    return { ...(type ? { type } : {}), ...e.toJSON() };
  });
  return 'data' in result ? { data: result.data, errors } : { errors };
}
