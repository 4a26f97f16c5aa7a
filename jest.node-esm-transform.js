/**
 * otplib v13 ships CommonJS, but its default plugins depend on the ESM-only
 * @scure/base and @noble/hashes. Node 20.19+ loads them via require(esm);
 * jest's CommonJS runtime cannot, so those two packages are transpiled.
 */
const ESM_PACKAGES = '@scure/base|@noble/hashes';

module.exports = {
  esmTransform: {
    [`/node_modules/(${ESM_PACKAGES})/.+\\.js$`]: [
      'babel-jest',
      { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] },
    ],
  },
  esmTransformIgnorePatterns: [`^(?!.*/node_modules/(${ESM_PACKAGES})/).*/node_modules/`],
};
