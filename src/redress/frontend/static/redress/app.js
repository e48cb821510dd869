// Start GOV.UK Frontend's components on every page. Loaded as a module, so browsers
// too old for GOV.UK Frontend's JavaScript skip it and get the pages without it.
import { initAll } from "../vendor/govuk-frontend.min.js";

initAll();
