// Jest runs in ESM mode because every @nestjs 12 package is ESM-only and Node 20's
// Jest cannot load them from CommonJS. ts-jest therefore emits ES modules.
const tsJest = [
  'ts-jest',
  {
    useESM: true,
    tsconfig: { module: 'esnext', moduleResolution: 'bundler', isolatedModules: true },
  },
];

const shared = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@tps/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^@tps/platform$': '<rootDir>/libs/platform/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: { '^.+\\.ts$': tsJest },
  rootDir: __dirname,
};

module.exports = {
  // Jest's worker processes hang on start-up in ESM mode here (two or more test files never
  // report), so every run stays in band. The integration tests share one PostgreSQL anyway.
  maxWorkers: 1,
  // A global option: Jest ignores testTimeout inside a project. Browser steps and service
  // start-ups can take longer than the default 5 s.
  testTimeout: 60000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/apps/**/src/**/*.spec.ts', '<rootDir>/libs/**/src/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.spec.ts'],
    },
  ],
};
