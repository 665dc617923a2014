export default definePageConfig({ navigationBarTitleText: '当前区域' });
