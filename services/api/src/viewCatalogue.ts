import { z } from 'zod';

/** A view as the API serves it: its projection, collection, scope field, filters and order. */
export interface ViewSpec {
  projection: string;
  collection: string;
  /** The indexed field holding a commune-level (or higher) unit code; null for province-wide views. */
  scopeField: string | null;
  /** Query parameters that filter on indexed fields of the same name. */
  filters: z.ZodObject;
  orderBy: string;
  /** Whether its documents carry people's data: each read is then recorded in the access log. */
  personal: boolean;
}

const id = z.uuid();

/** Every view the API serves, by its name in `/views/:name` and in WebSocket subscriptions. */
export const VIEWS: Record<string, ViewSpec> = {
  'case-files': {
    projection: 'case-files',
    collection: 'case_files',
    scopeField: 'communeCode',
    filters: z.object({
      status: z.enum(['expected', 'received', 'supervised', 'transferredOut', 'closed']).optional(),
      personId: id.optional(),
      roundId: id.optional(),
    }),
    orderBy: 'caseId',
    personal: true,
  },
  tasks: {
    projection: 'tasks',
    collection: 'tasks',
    scopeField: 'scopeUnit',
    filters: z.object({ planId: id.optional(), leadUnit: z.string().min(1).optional() }),
    orderBy: 'taskId',
    personal: false,
  },
  reports: {
    projection: 'reports',
    collection: 'reports',
    scopeField: 'scopeUnit',
    filters: z.object({
      reportingUnit: z.string().min(1).optional(),
      recipientUnit: z.string().min(1).optional(),
    }),
    orderBy: 'reportId',
    personal: false,
  },
  oversight: {
    projection: 'oversight',
    collection: 'oversight_recommendations',
    scopeField: 'scopeUnit',
    filters: z.object({
      bodyUnit: z.string().min(1).optional(),
      addresseeUnit: z.string().min(1).optional(),
    }),
    orderBy: 'recommendationId',
    personal: false,
  },
  dossiers: {
    projection: 'dossiers',
    collection: 'dossiers',
    scopeField: null,
    filters: z.object({ roundId: id.optional(), facilityId: z.string().min(1).optional() }),
    orderBy: 'dossierId',
    personal: true,
  },
  'loan-books': {
    projection: 'loan-books',
    collection: 'loan_books',
    scopeField: 'communeCode',
    filters: z.object({
      hasLoan: z
        .enum(['true', 'false'])
        .transform((v) => v === 'true')
        .optional(),
    }),
    orderBy: 'caseId',
    personal: true,
  },
};
