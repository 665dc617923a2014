export default definePageConfig({ navigationBarTitleText: '入学一件事' });
