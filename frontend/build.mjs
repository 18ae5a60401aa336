// Builds the one ES module the Python package ships: meet_embed/static/meet-embed.js (+ .map).
// Deterministic: same sources and lock file, same bytes (checked by CI with `git diff --exit-code`).
import * as esbuild from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const watch = process.argv.includes("--watch");

/** @type {import("esbuild").BuildOptions} */
const options = {
  absWorkingDir: root,
  entryPoints: ["frontend/src/index.ts"],
  outfile: "meet_embed/static/meet-embed.js",
  bundle: true,
  format: "esm",
  platform: "browser",
  target: ["es2022", "chrome111", "firefox113", "safari16.4"],
  minify: true,
  sourcemap: "linked",
  sourcesContent: true,
  legalComments: "eof",
  charset: "ascii",
  tsconfig: "frontend/tsconfig.json",
  banner: { js: "/* meet-embed web components. Built from frontend/ by `npm run build`: do not edit. */" },
  logLevel: "info",
};

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  await esbuild.build(options);
}
