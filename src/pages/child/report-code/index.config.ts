export default definePageConfig({ navigationBarTitleText: '报到码', navigationBarBackgroundColor: '#1f6fd1' });
