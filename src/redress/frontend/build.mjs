// Builds the front-end assets that Django serves as static files.
//
//   npm run build
//
// - compiles scss/app.scss (GOV.UK Frontend with Arial, plus our own styles) to
//   static/redress/app.css, compressed and without a source map;
// - copies the pinned JavaScript (GOV.UK Frontend, htmx, Chart.js) to static/vendor/.
//
// The outputs are generated files and are not committed (see .gitignore).
// We use none of GOV.UK Frontend's fonts or images: the GDS Transport font and the
// crown are for GOV.UK only, so the service uses Arial and its own favicon.

import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const frontendDir = dirname(fileURLToPath(import.meta.url));
const projectDir = join(frontendDir, "..", "..", "..");
const nodeModules = join(projectDir, "node_modules");
const staticDir = join(frontendDir, "static");
const cssOut = join(staticDir, "redress", "app.css");
const vendorDir = join(staticDir, "vendor");

const vendorFiles = [
  ["govuk-frontend/dist/govuk/govuk-frontend.min.js", "govuk-frontend.min.js"],
  ["htmx.org/dist/htmx.min.js", "htmx.min.js"],
  ["chart.js/dist/chart.umd.min.js", "chart.umd.min.js"],
];

async function buildCss() {
  const ownWarnings = [];
  const result = sass.compile(join(frontendDir, "scss", "app.scss"), {
    style: "compressed",
    sourceMap: false,
    importers: [new sass.NodePackageImporter(projectDir)],
    // Deprecation warnings inside GOV.UK Frontend are theirs to fix, not ours.
    quietDeps: true,
    // Any warning from our own stylesheets (a deprecation, a @warn) fails the build.
    logger: {
      warn(message, { span }) {
        const where = span ? `${span.url}:${span.start.line + 1}` : "scss";
        ownWarnings.push(`${where}: ${message}`);
      },
    },
  });
  if (ownWarnings.length > 0) {
    throw new Error(`Sass warnings in our stylesheets:\n${ownWarnings.join("\n")}`);
  }
  await mkdir(dirname(cssOut), { recursive: true });
  await writeFile(cssOut, result.css);
  return result.css.length;
}

async function copyVendor() {
  await rm(vendorDir, { recursive: true, force: true });
  await mkdir(vendorDir, { recursive: true });
  for (const [from, to] of vendorFiles) {
    await copyFile(join(nodeModules, from), join(vendorDir, to));
  }
}

const cssBytes = await buildCss();
await copyVendor();
console.log(`Built ${cssOut} (${cssBytes} bytes) and copied ${vendorFiles.length} files to ${vendorDir}`);
