import type {
  BOARD_STATUSES,
  CalendarDay,
  CalendarYear,
  CreateObjection,
  DecideObjection,
  Notice,
  NoticePage,
  ObjectionReceipt,
  PublishNotice,
  PutCalendarDay,
} from '#shared/contracts/notices.contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../shared/api/http';

export type NoticeBoardQuery = { status?: (typeof BOARD_STATUSES)[number]; q?: string; page?: number; pageSize?: number; dealId?: string };

export const noticeKeys = {
  all: ['notices'] as const,
  board: (q: NoticeBoardQuery) => ['notices', 'board', q] as const,
  detail: (id: string) => ['notices', 'detail', id] as const,
  queue: (page: number) => ['notices', 'queue', page] as const,
  calendar: (year: number) => ['notices', 'calendar', year] as const,
};

const path = (id: string) => `/notices/${encodeURIComponent(id)}`;

export function listNotices(q: NoticeBoardQuery, signal?: AbortSignal): Promise<NoticePage> {
  return http.get('/notices', { query: q, signal });
}
export function getNotice(id: string, signal?: AbortSignal): Promise<Notice> {
  return http.get(path(id), { signal });
}
/** Used by the deal workspace: publish the notice of a deal awaiting it. */
export function publishNotice(body: PublishNotice): Promise<Notice> {
  return http.post('/notices', body, { idempotencyKey: true });
}
export function fileObjection(id: string, body: CreateObjection): Promise<ObjectionReceipt> {
  return http.post(`${path(id)}/objections`, body, { idempotencyKey: true });
}
export function decideObjection(id: string, objectionId: string, body: DecideObjection): Promise<Notice> {
  return http.post(`${path(id)}/objections/${encodeURIComponent(objectionId)}/decide`, body);
}
export function withdrawNotice(id: string, reason?: string): Promise<Notice> {
  return http.post(`${path(id)}/withdraw`, reason ? { reason } : {});
}
export function getCalendar(year: number, signal?: AbortSignal): Promise<CalendarYear> {
  return http.get('/calendar', { query: { year }, signal });
}
export function putCalendarDay(day: string, body: PutCalendarDay): Promise<CalendarDay> {
  return http.put(`/calendar/${day}`, body);
}
export function deleteCalendarDay(day: string): Promise<{ ok: true }> {
  return http.delete(`/calendar/${day}`);
}

export function useNoticeBoard(q: NoticeBoardQuery) {
  return useQuery({ queryKey: noticeKeys.board(q), queryFn: ({ signal }) => listNotices(q, signal), placeholderData: (prev) => prev });
}
export function useNotice(id: string | undefined) {
  return useQuery({ queryKey: noticeKeys.detail(id ?? ''), queryFn: ({ signal }) => getNotice(id ?? '', signal), enabled: !!id });
}
export function useNoticeQueue(page: number, enabled = true) {
  return useQuery({ queryKey: noticeKeys.queue(page), queryFn: ({ signal }) => http.get<NoticePage>('/notices/queue', { query: { page, pageSize: 20 }, signal }), enabled });
}
export function useCalendar(year: number) {
  return useQuery({ queryKey: noticeKeys.calendar(year), queryFn: ({ signal }) => getCalendar(year, signal) });
}

/** Mutations that refresh every notice query when they succeed. */
export function useNoticeMutation<A, R>(fn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: noticeKeys.all }) });
}
