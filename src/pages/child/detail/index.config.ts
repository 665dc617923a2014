export default definePageConfig({ navigationBarTitleText: '子女详情' });
