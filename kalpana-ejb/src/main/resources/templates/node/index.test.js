import { test } from 'node:test';
import assert from 'node:assert/strict';
import { greeting } from './index.js';

test('greets', () => {
  assert.equal(greeting('you'), 'Hello, you!');
});
