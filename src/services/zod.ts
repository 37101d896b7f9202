// Schemas that the API documents call `.openapi()`, which @hono/zod-openapi adds to zod when it
// loads. Importing `z` through here guarantees that it has loaded, whichever module (CLI, demo
// seed, tests) happens to import a schema first.
export { z } from '@hono/zod-openapi';
