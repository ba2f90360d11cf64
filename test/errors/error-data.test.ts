// Errors cross worker-thread boundaries as data (appErrorData) and come back as the same class (appErrorFrom).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError, appErrorData, appErrorFrom, ConfigError, NotFoundError, ToolError, UnsupportedMediaError, ValidationError } from '../../src/domain/errors.js';

describe('AppError as data', () => {
  it('keeps class, code, message, exit code and HTTP fallback through structured clone', () => {
    const errors: AppError[] = [
      new ValidationError('bad_usage', 'no'),
      new UnsupportedMediaError('media_corrupt', 'truncated', { httpStatus: 422 }),
      new ToolError('tool_timeout', 'slow'),
      new ConfigError('config_invalid', 'bad config'),
      new NotFoundError('not_found', 'gone'),
      new AppError('some_code', 'plain', { exitCode: 5, httpStatus: 503 }),
    ];
    for (const e of errors) {
      const back = appErrorFrom(structuredClone(appErrorData(e))) as AppError;
      assert.equal(back.constructor, e.constructor, e.name);
      assert.equal(back.code, e.code);
      assert.equal(back.message, e.message);
      assert.equal(back.exitCode, e.exitCode);
      assert.equal(back.httpStatus, e.httpStatus);
    }
  });

  it('turns anything else into a plain Error with its message', () => {
    const back = appErrorFrom(appErrorData(new TypeError('boom')));
    assert.ok(!(back instanceof AppError));
    assert.equal(back.message, 'boom');
    assert.equal(appErrorFrom(appErrorData('text')).message, 'text');
  });
});
