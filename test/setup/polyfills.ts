/**
 * Jest `setupFiles` entry (see jest.config.js): polyfills that the test dependencies need on
 * the project's minimum Node (20).
 *
 * `Promise.withResolvers` (ES2024, Node 22) is used by `aws-local-stepfunctions` for every
 * Task state. The polyfill follows the spec: it honours a subclass `this` and is defined as
 * a non-enumerable, writable, configurable method, like the native one. It is a no-op where
 * the runtime already has the method.
 */

interface Resolvers<T> {
  promise: Promise<T>;
  resolve: (value: T | PromiseLike<T>) => void;
  reject: (reason?: unknown) => void;
}

const PromiseWithResolvers = Promise as unknown as { withResolvers?: <T>() => Resolvers<T> };

if (typeof PromiseWithResolvers.withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    enumerable: false,
    writable: true,
    value: function withResolvers<T>(this: PromiseConstructor | undefined): Resolvers<T> {
      const Ctor = typeof this === 'function' ? this : Promise;
      let resolve!: Resolvers<T>['resolve'];
      let reject!: Resolvers<T>['reject'];
      const promise = new Ctor<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

export {};
