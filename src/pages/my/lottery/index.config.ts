export default definePageConfig({ navigationBarTitleText: '录取结果' });
