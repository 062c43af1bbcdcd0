import type {
  AwardTender,
  CreateTender,
  Proposal,
  PUBLIC_TENDER_STATUSES,
  ScoreProposal,
  SubmitProposal,
  Tender,
  TenderSummary,
  UpdateTender,
} from '#shared/contracts/tenders.contract';
import { useQuery } from '@tanstack/react-query';
import { http, type Page } from '../../shared/api/http';

export type TenderListQuery = {
  status?: (typeof PUBLIC_TENDER_STATUSES)[number];
  demandId?: string;
  mine?: boolean;
  page?: number;
  pageSize?: number;
};

export const tenderKeys = {
  all: ['tenders'] as const,
  list: (q: TenderListQuery) => ['tenders', 'list', q] as const,
  detail: (id: string) => ['tenders', 'detail', id] as const,
  proposals: (id: string) => ['tenders', 'proposals', id] as const,
  mine: (id: string) => ['tenders', 'mine', id] as const,
};

const path = (id: string) => `/tenders/${encodeURIComponent(id)}`;

export const listTenders = (q: TenderListQuery, signal?: AbortSignal): Promise<Page<TenderSummary>> =>
  http.get('/tenders', { query: { ...q, mine: q.mine ? 'true' : undefined }, signal });
export const getTender = (id: string, signal?: AbortSignal): Promise<Tender> => http.get(path(id), { signal });
export const createTender = (body: CreateTender): Promise<Tender> => http.post('/tenders', body, { idempotencyKey: true });
export const updateTender = (id: string, body: UpdateTender): Promise<Tender> => http.patch(path(id), body);
export const publishTender = (id: string): Promise<Tender> => http.post(`${path(id)}/publish`, {});
export const cancelTender = (id: string, reason: string): Promise<Tender> => http.post(`${path(id)}/cancel`, { reason });
export const failTender = (id: string, reason: string): Promise<Tender> => http.post(`${path(id)}/fail`, { reason });
export const awardTender = (id: string, body: AwardTender): Promise<Tender> =>
  http.post(`${path(id)}/award`, body, { idempotencyKey: true });
export const submitProposal = (id: string, body: SubmitProposal): Promise<Proposal> =>
  http.post(`${path(id)}/proposals`, body, { idempotencyKey: true });
export const withdrawProposal = (id: string, proposalId: string): Promise<Proposal> =>
  http.post(`${path(id)}/proposals/${encodeURIComponent(proposalId)}/withdraw`, {});
export const scoreProposal = (id: string, proposalId: string, body: ScoreProposal): Promise<Proposal> =>
  http.request('PUT', `${path(id)}/proposals/${encodeURIComponent(proposalId)}/scores`, { body });
export const listProposals = (id: string, signal?: AbortSignal): Promise<{ items: Proposal[] }> =>
  http.get(`${path(id)}/proposals`, { signal });
export const myProposal = (id: string, signal?: AbortSignal): Promise<{ proposal: Proposal | null }> =>
  http.get(`${path(id)}/proposals/mine`, { signal });

export function useTenders(q: TenderListQuery) {
  return useQuery({ queryKey: tenderKeys.list(q), queryFn: ({ signal }) => listTenders(q, signal), placeholderData: (p) => p });
}

export function useTender(id: string) {
  return useQuery({ queryKey: tenderKeys.detail(id), queryFn: ({ signal }) => getTender(id, signal), enabled: id !== '' });
}

export function useProposals(id: string, enabled: boolean) {
  return useQuery({ queryKey: tenderKeys.proposals(id), queryFn: ({ signal }) => listProposals(id, signal), enabled });
}

export function useMyProposal(id: string, enabled: boolean) {
  return useQuery({ queryKey: tenderKeys.mine(id), queryFn: ({ signal }) => myProposal(id, signal), enabled });
}
