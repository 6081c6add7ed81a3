import Module from 'node:module';

/**
 * Components import their own style sheets for Next to bundle. Rendered under node:test, where
 * there is no bundler, a style sheet is nothing; import this before the components.
 */
const extensions = (Module as unknown as { _extensions: Record<string, (module: { exports: unknown }) => void> })._extensions;
extensions['.css'] = (module) => {
  module.exports = {};
};
