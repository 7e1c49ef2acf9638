// Preload for the degraded-mode test: nodejieba cannot be loaded in this process, as on a broken install.
const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'nodejieba' || request.startsWith('nodejieba/')) {
    const error = new Error(`Cannot find module '${request}' (hidden by the degraded-mode test)`);
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  }
  return resolve.call(this, request, ...rest);
};
