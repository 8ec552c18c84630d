/** Test support for driving a real Bolt app against a local fake Slack. */
export * from './fake-api';
export * from './sign';
export * from './socket';
