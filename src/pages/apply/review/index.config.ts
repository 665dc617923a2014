export default definePageConfig({ navigationBarTitleText: '核对报名信息' });
