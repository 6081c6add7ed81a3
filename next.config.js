/** @type {import('next').NextConfig} */
module.exports = {
  // A native addon: Turbopack cannot bundle it, and the custom server already loaded it.
  serverExternalPackages: ['better-sqlite3'],
  // Pinned so that a lockfile in a parent folder never moves the root (and what Turbopack resolves).
  turbopack: { root: __dirname },
  poweredByHeader: false,
  reactStrictMode: true,
};
