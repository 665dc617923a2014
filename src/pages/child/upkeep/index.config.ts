export default definePageConfig({ navigationBarTitleText: '子女信息维护' });
