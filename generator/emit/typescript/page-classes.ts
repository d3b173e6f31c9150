/** The runtime page class of each pagination style (templates/typescript/runtime/page-styles.ts). */
import type { PaginationStyle } from '../../model/index.ts';

export const PAGE_CLASSES: Record<PaginationStyle, string> = {
  'page-number': 'DefaultPagination',
  'page-cursor-brackets': 'CursorPagination',
  records: 'RecordsPagination',
  texml: 'TeXMLPagination',
  'page-cursor': 'PageCursorPagination',
  'page-per-page': 'PerPagePagination',
  'cursor-limit': 'CursorLimitPagination',
  'page-page-size': 'PagePageSizePagination',
  'page-number-size': 'PageNumberSizePagination',
};
