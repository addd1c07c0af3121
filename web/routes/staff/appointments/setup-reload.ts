import { useQueryClient } from "@tanstack/react-query";

/** Reloads a site's setup after a change lost a race (409). */
export function useBookingSetupReload(siteId: string) {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ["appointments", "setup", siteId] });
}
