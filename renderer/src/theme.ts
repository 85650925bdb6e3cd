import type { ThemeConfig } from 'antd';

const CJK_FONTS = "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC'";

export const monospaceFont = `'JetBrains Mono', 'SFMono-Regular', Consolas, 'Liberation Mono', 'DejaVu Sans Mono', monospace`;

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#0e7490',
    colorInfo: '#0e7490',
    borderRadius: 6,
    fontFamily: `-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, ${CJK_FONTS}, sans-serif`,
    fontFamilyCode: monospaceFont,
    colorBgLayout: '#f4f6f8',
  },
  components: {
    Layout: { siderBg: '#ffffff', headerBg: '#ffffff' },
    Menu: { itemBorderRadius: 6, itemSelectedBg: '#e3f1f4', itemSelectedColor: '#0e7490' },
  },
};
