/** Hooks of the public pages (no session): finding counseling, public forms. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AccessibilityFeedbackInput } from "../../common/contracts/feedback.js";
import type { PublicSiteDetail, PublicSiteList } from "../../common/contracts/public-directory.js";
import type { FormTokenResponse } from "../../common/contracts/public-forms.js";
import type { CreateOnlineRequestInput, CreateOnlineRequestResponse } from "../../common/contracts/requests.js";
import { get, post } from "./client.js";

export type { AccessibilityFeedbackInput, CreateOnlineRequestInput, PublicSiteDetail, PublicSiteList };
export type PublicSiteSummary = PublicSiteList["items"][number];

/** What the search page sends; empty values are left out of the request. */
export type PublicSiteSearch = { postcode?: string; place?: string; language?: string; topic?: string; channel?: string; limit: number };

const publicSitesQuery = (search: PublicSiteSearch | null) => ({
  queryKey: ["public", "sites", search],
  queryFn: () => get<PublicSiteList>("/api/public/sites", search ?? {}),
  retry: false,
});

export function usePublicSites(search: PublicSiteSearch | null) {
  return useQuery({
    ...publicSitesQuery(search),
    enabled: search !== null,
    // "Show more" keeps the list on screen while the longer one loads.
    placeholderData: keepPreviousData,
  });
}

/** Starts a search before its page's form and list are there (they take the answer; errors are theirs to show). */
export function usePrefetchPublicSites(): (search: PublicSiteSearch) => void {
  const client = useQueryClient();
  return (search) => void client.prefetchQuery(publicSitesQuery(search));
}

export function usePublicSite(id: string) {
  return useQuery({
    queryKey: ["public", "site", id],
    queryFn: () => get<PublicSiteDetail>(`/api/public/sites/${id}`),
    retry: false,
  });
}

/**
 * The token of a public form (server/platform/public-form-guard.ts), fetched when the form opens:
 * its age shows the server that a person filled the form in. Never cached beyond the form.
 */
export function useFormToken() {
  return useQuery({
    queryKey: ["public", "form-token"],
    queryFn: () => get<FormTokenResponse>("/api/public/form-token"),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}

export const useSendAccessibilityFeedback = () =>
  useMutation({ mutationFn: (input: AccessibilityFeedbackInput) => post<void>("/api/public/accessibility-feedback", input) });

export const useSendOnlineRequest = () =>
  useMutation({ mutationFn: (input: CreateOnlineRequestInput) => post<CreateOnlineRequestResponse>("/api/public/requests", input) });
