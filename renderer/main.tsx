// The renderer's entry: the desktop bridge when the preload put one on the page, else browser mode.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { httpSurface } from './api/http-transport.ts';
import { desktopBridge, ipcSurface } from './api/ipc-transport.ts';
import { initialLang } from './i18n/i18n.ts';
import { Root } from './root.tsx';
import './styles.css';

const bridge = desktopBridge();
const surface = bridge ? ipcSurface(bridge) : httpSurface();
const lang = initialLang();
document.documentElement.lang = lang;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root surface={surface} lang={lang} />
  </StrictMode>,
);
