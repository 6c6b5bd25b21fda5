import { cxRequest, esRequest } from '../../src/testing/index.js';

/**
 * Names in the requests the library's builders make (`cxRequest()`, `esRequest()` from
 * src/testing), for tests that compare the resource names an answer carries.
 */
const cx = cxRequest().build();
export const CX_SESSION = cx.sessionInfo!.session!;
export const CX_PAGE = cx.pageInfo!.currentPage!;
/** The flow of the current page: where a page named by id is looked up. */
export const CX_FLOW = CX_PAGE.slice(0, CX_PAGE.indexOf('/pages/'));
export { CX_TEST_AGENT as CX_AGENT } from '../../src/testing/index.js';
export const ES_SESSION = esRequest().build().session!;

export const JSON_HEADERS = { 'content-type': 'application/json' };
