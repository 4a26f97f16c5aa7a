import baseConfig from '../../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // The jest config loads the workspace's shared ESM transform (otplib's dependencies), a tooling file outside any project.
    files: ['jest.config.cts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
