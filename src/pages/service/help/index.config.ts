export default definePageConfig({ navigationBarTitleText: '政策查看 · 联系我们' });
