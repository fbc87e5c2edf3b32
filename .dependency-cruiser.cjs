/** The import rules of DESIGN.md, checked in `npm test` so that they cannot rot. */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "platform-and-web-import-no-module",
      comment: "platform/ and web/ know nothing of the domain.",
      severity: "error",
      from: { path: "^src/(platform|web)/" },
      to: { path: "^src/modules/" },
    },
    {
      name: "nothing-imports-cli-or-server",
      severity: "error",
      from: { pathNot: "^src/cli/" },
      to: { path: "^src/(cli/|server\\.ts)" },
    },
    {
      name: "modules-meet-through-index",
      comment:
        "A module reaches another only through its index.ts (tables.ts may name another's table for a foreign key).",
      severity: "error",
      from: { path: "^src/modules/([^/]+)/", pathNot: "^src/modules/[^/]+/tables\\.ts$" },
      to: { path: "^src/modules/([^/]+)/", pathNot: ["^src/modules/$1/", "^src/modules/[^/]+/index\\.ts$"] },
    },
    {
      name: "foreign-keys-only-between-tables",
      severity: "error",
      from: { path: "^src/modules/([^/]+)/tables\\.ts$" },
      to: {
        path: "^src/modules/([^/]+)/",
        pathNot: ["^src/modules/$1/", "^src/modules/[^/]+/(tables|index)\\.ts$"],
      },
    },
    {
      name: "only-queries-and-commands-touch-tables",
      comment: "Pages, API routes, the CLI and the app never import tables.",
      severity: "error",
      from: {
        pathNot: [
          "^src/modules/[^/]+/(tables\\.ts|queries/|commands/|queries\\.ts|commands\\.ts)",
          "\\.test\\.tsx?$",
        ],
      },
      to: { path: "^src/modules/[^/]+/tables\\.ts$" },
    },
    {
      name: "outside-reaches-modules-through-index",
      severity: "error",
      from: { path: "^src/(cli|app|server)" },
      to: { path: "^src/modules/[^/]+/", pathNot: "^src/modules/[^/]+/index\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    exclude: { path: "node_modules" },
  },
};
