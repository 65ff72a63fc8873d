// tsconfig.engine.json maps React, Fluent UI and Office packages here, so importing one from src/engine
// or src/xlsx fails with this message (a type error on purpose: this file is never built).
export const forbidden: 'src/engine and src/xlsx import nothing from React, Fluent UI, Office or Node' = 'imported';
