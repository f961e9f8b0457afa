// What every server configuration of deploy/ must send (test/unit/deployKit.test.ts for IIS and
// Azure Static Web Apps, test/e2e/nginx.test.ts for nginx, served for real).

/** Excel on the web frames the task pane from these hosts; the CSP must allow each. */
export const OFFICE_FRAME_HOSTS = [
  "https://*.officeapps.live.com",
  "https://*.office.com",
  "https://*.office365.com",
  "https://*.microsoft365.com",
  "https://*.cloud.microsoft",
  "https://*.sharepoint.com",
  "https://onedrive.live.com",
];
export const CSP = `frame-ancestors 'self' ${OFFICE_FRAME_HOSTS.join(" ")}`;
export const YEAR = "public, max-age=31536000, immutable";

/** The files of a build and the Cache-Control each must get. */
export const CACHE_EXPECTED: [string, string][] = [
  ["taskpane.html", "no-cache"],
  ["help.html", "no-cache"],
  ["help.css", "no-cache"],
  ["manifest.xml", "no-cache"],
  ["functions.json", "no-cache"],
  ["functions.nl-NL.json", "no-cache"],
  ["functions.0a1b2c3d.js", YEAR],
  ["taskpane.9f8e7d6c.js", YEAR],
  ["assets/icon-32.png", "public, max-age=86400"],
];
