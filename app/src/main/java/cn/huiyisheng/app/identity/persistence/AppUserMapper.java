package cn.huiyisheng.app.identity.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface AppUserMapper {

    AppUserRow find(@Param("username") String username);

    int insert(AppUserRow row);
}
