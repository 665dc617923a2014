// Jest runs on Node with preset-env (current node); Taro builds use babel-preset-taro.
module.exports = (api) => {
  if (api.env('test')) {
    return {
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        ['@babel/preset-react', { runtime: 'automatic' }],
        '@babel/preset-typescript',
      ],
    };
  }
  // The mini-program keeps import(): webpack loads such chunks with WeChat's require.async
  // (config/weappContracts.ts) instead of babel-preset-taro's default of turning them into require().
  const keepImport = process.env.TARO_ENV === 'weapp' ? { 'dynamic-import-node': false } : {};
  return {
    presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', ...keepImport }]],
  };
};
