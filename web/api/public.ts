/** Hooks of the public pages (no session): finding counseling. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { PublicSiteDetail, PublicSiteList } from "../../common/contracts/public-directory.js";
import { get } from "./client.js";

export type { PublicSiteDetail, PublicSiteList };
export type PublicSiteSummary = PublicSiteList["items"][number];

/** What the search page sends; empty values are left out of the request. */
export type PublicSiteSearch = { postcode?: string; place?: string; language?: string; topic?: string; channel?: string; limit: number };

export function usePublicSites(search: PublicSiteSearch | null) {
  return useQuery({
    queryKey: ["public", "sites", search],
    queryFn: () => get<PublicSiteList>("/api/public/sites", search ?? {}),
    enabled: search !== null,
    // "Show more" keeps the list on screen while the longer one loads.
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function usePublicSite(id: string) {
  return useQuery({
    queryKey: ["public", "site", id],
    queryFn: () => get<PublicSiteDetail>(`/api/public/sites/${id}`),
    retry: false,
  });
}
