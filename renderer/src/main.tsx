// Development only (empty in a build): starts React Fast Refresh from a module, because the CSP
// blocks the inline script the React plugin would otherwise put into index.html.
import '@vitejs/plugin-react/preamble';
// Before any shared schema is built, zod must be told not to use eval (see the module).
import './zod-without-eval';
import './global.css';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { BridgeError, needsApiKey } from './bridge';
import { askForApiKey } from './navigation/apiKeyNotice';
import { appTheme } from './theme';

dayjs.locale('zh-cn');

/** A 401 or a missing key anywhere sends the user to 设置 to (re-)enter it, saying why. */
function onBridgeError(error: unknown): void {
  if (error instanceof BridgeError && needsApiKey(error)) askForApiKey(error);
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onBridgeError }),
  mutationCache: new MutationCache({ onError: onBridgeError }),
  defaultOptions: {
    // Main already retries with backoff (429, 5xx and no-answer); retrying here would multiply the waits.
    queries: { retry: false, refetchOnWindowFocus: false },
  },
});

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html 缺少 #root 元素');

createRoot(rootElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      {/* No space inserted between two-character button labels: 保存, not 保 存. */}
      <ConfigProvider locale={zhCN} theme={appTheme} button={{ autoInsertSpace: false }}>
        <AntdApp>
          <App />
        </AntdApp>
      </ConfigProvider>
    </QueryClientProvider>
  </StrictMode>,
);
