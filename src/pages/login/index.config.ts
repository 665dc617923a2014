export default definePageConfig({ navigationBarTitleText: '刷脸登录' });
