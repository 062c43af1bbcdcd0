import { useRegionIndex } from '../code-lists/code-lists.api';
import { fullName } from '../code-lists/code-tree';
import { useLang } from '../i18n/useLang';

/** '广东省 / 深圳市' for a region code; the code itself until the region list has loaded. */
export function RegionName({ code, fallback = '—' }: { code: string | null | undefined; fallback?: string }) {
  const lang = useLang();
  const { data: index } = useRegionIndex();
  if (!code) {
    return <>{fallback}</>;
  }
  return <span title={code}>{fullName(index, code, lang)}</span>;
}
