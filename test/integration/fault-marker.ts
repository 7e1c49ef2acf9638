// The text that makes a document's full analysis fail in the test editor (passed to the server as NEWS_LENS_TEST_FAIL_ON).
export const INJECTED_FAILURE_MARKER = 'NEWS-LENS-INJECTED-FAILURE-7f3a';
