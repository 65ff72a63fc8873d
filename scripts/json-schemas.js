// Writes docs/schemas/<command>.schema.json from the zod schemas (npm run schemas, after build:cli).
const fs = require('node:fs');
const path = require('node:path');
const { jsonSchemas, schemaFileText } = require('../dist/node/cli/schemas.js');

const dir = path.join(__dirname, '..', 'docs', 'schemas');
fs.mkdirSync(dir, { recursive: true });
for (const [command, schema] of Object.entries(jsonSchemas())) {
  const file = path.join(dir, `${command}.schema.json`);
  fs.writeFileSync(file, schemaFileText(schema));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
