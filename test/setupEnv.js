process.env.TARO_ENV = 'h5';
process.env.TARO_PLATFORM = 'web';
process.env.TZ = 'Asia/Shanghai';
