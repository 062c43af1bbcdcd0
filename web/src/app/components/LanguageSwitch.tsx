import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { setLang } from '../../shared/i18n/lang-store';
import { useMessages } from '../../shared/i18n/messages';
import { useLang } from '../../shared/i18n/useLang';
import { appMessages } from '../messages';

/** Toggles 中文 ⇄ English; the choice is kept in localStorage ('tn.lang'). */
export function LanguageSwitch() {
  const lang = useLang();
  const t = useMessages(appMessages);
  return (
    <Button
      type="text"
      className="tn-header-button"
      icon={<GlobalOutlined />}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      aria-label={t.switchLanguage}
      title={t.switchLanguage}
      data-testid="lang-switch"
      lang={lang === 'zh' ? 'en' : 'zh-CN'}
    >
      {t.switchLanguageText}
    </Button>
  );
}
