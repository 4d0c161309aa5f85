/** Jest: a .graphql file imports as its text, as esbuild's text loader bundles it for the explorer. */
module.exports = {
  process(source) {
    return { code: `module.exports = ${JSON.stringify(source)};` };
  },
};
