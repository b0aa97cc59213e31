// autocannon ships no types; bench/run.ts uses a small part of it (see underLoad).
declare module 'autocannon';
