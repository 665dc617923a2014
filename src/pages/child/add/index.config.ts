export default definePageConfig({ navigationBarTitleText: '手动新增子女' });
