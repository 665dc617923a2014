export default definePageConfig({ navigationBarTitleText: '电子入学通知书' });
