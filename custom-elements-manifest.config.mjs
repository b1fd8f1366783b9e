// `cem analyze` (npm run build): dist/custom-elements.json, the custom elements manifest that
// package.json's `customElements` names. It describes the shipped module, not the sources.
export default {
  globs: ['src/element/tl-workflow.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [shippedModule()],
};

/** The analyzer reads src/; the package ships dist/tl-workflow.js, which holds the class and defines the tag. */
function shippedModule() {
  const SOURCE = 'src/element/tl-workflow.ts';
  const SHIPPED = 'dist/tl-workflow.js';
  return {
    name: 'tl-shipped-module',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        if (module.path !== SOURCE) throw new Error(`custom-elements manifest: unexpected module ${module.path}`);
        module.path = SHIPPED;
        for (const entry of module.exports ?? []) if (entry.declaration?.module === SOURCE) entry.declaration.module = SHIPPED;
        module.exports.push({ kind: 'custom-element-definition', name: 'tl-workflow', declaration: { name: 'TlWorkflow', module: SHIPPED } });
      }
    },
  };
}
